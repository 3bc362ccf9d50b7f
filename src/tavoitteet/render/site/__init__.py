"""The static site of every year and committee (``tavoitteet site``): pure page renderers.

:mod:`.model` builds the site's content from evaluated files (committee-years,
the series that follow goals and indicators over the years), :mod:`.summary`
makes each committee-year's place (what the pages about many files show of it,
kept between builds), :mod:`.urls` gives
every page its address from ids, :mod:`.pages` lists the pages with the source
files each depends on, and the other modules render one kind of text each.
Nothing here reads or writes files: :mod:`tavoitteet.files.sitefiles` does.
"""
