/**
 * Every point answered: the numbered points of a proposal ({@code PointFinder}), matched with the sections of a
 * draft reply ({@code PointMatcher}), for the checklist the drafter, the reviewing head and the signing official
 * see ({@link org.proposalhandling.points.PointChecks}). Pure logic on two texts: it reads no table and warns,
 * never refuses a step. Its precision and recall on the evaluation set are in docs/drafting-help.md.
 */
package org.proposalhandling.points;
