/** Annual sampling plans, their tasks, triggers, and the verifiable double-random draw (vdraw-1) of targets and inspectors. */
package org.supervisionhub.api.sampling;
