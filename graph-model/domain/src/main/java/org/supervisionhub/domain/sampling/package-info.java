/** Sampling as aggregates: a plan and its tasks (PLAN rules, adjustments after filing) and a draw (DRAW rules, vdraw-1 steps). */
package org.supervisionhub.domain.sampling;
