"""Vietnamese text: normalisation, the number grammar, periods, sentences, syllables, heading cues."""
