/** Loads the synthetic demo province into an empty graph when demo mode is on. */
package org.supervisionhub.api.demo;
