"""The check stage: loaded data validated into models; checks across records report every problem at once."""
