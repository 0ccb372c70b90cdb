/** Sampling as aggregates: a plan and its tasks (PLAN rules, a task's input), a draw (DRAW rules, vdraw-1 steps) and an inspection's inspectors (ASSIGN rules). */
package org.supervisionhub.domain.sampling;
