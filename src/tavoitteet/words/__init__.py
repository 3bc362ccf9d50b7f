"""The wording layer: messages and labels in Finnish, English and Swedish. No I/O."""
