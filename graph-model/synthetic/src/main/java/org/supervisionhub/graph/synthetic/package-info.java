/** Deterministic synthetic province data and its bulk loader, for the demo and for benchmarks. */
package org.supervisionhub.graph.synthetic;
