package org.proposalhandling.letter;

/** A stretch of text in one style. */
record Run(String text, Style style) {
}
