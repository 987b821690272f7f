/**
 * 重复与相关办件: what an item being registered may duplicate in its own session and what earlier sessions
 * received on the same subject, from its title and text. The search index finds the candidates a reader may
 * read; {@link org.proposalhandling.duplicates.TextSimilarity} weighs them, and an import's whole file the same
 * way. A hint, shown at intake and import; it never blocks.
 */
package org.proposalhandling.duplicates;
