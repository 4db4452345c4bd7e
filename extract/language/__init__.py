"""Vietnamese text: normalisation, the number grammar, periods, sentences, syllables, heading cues, subjects;
the spaCy layer (tokenizer, rule spans)."""
