"""Vietnamese text: numbers, periods, sentences, syllables, headings, subjects; the spaCy pipeline."""
