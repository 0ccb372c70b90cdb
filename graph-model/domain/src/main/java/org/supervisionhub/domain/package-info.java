/** What every capability's domain core shares: a refusal ({@link org.supervisionhub.domain.Violation}) and an {@link org.supervisionhub.domain.Outcome}. */
package org.supervisionhub.domain;
