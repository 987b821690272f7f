package org.proposalhandling.letter;

import java.util.List;

/** The letter's lines on its pages, page numbers included. */
record LaidOutLetter(int pages, List<PlacedLine> lines) {
}
