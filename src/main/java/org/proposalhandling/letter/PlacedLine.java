package org.proposalhandling.letter;

import java.util.List;

/**
 * A line on a page: where its first glyph starts, its baseline (both in points, from the page's left and
 * top edges) and the spacing added after each glyph (PDF's character spacing).
 */
record PlacedLine(int page, float x, float baseline, float characterSpacing, List<Glyph> glyphs) {
}
