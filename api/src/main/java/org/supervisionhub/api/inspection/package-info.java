/** The inspection lifecycle after the draw: results, their approval chain, amendments, publication and its deadlines. */
package org.supervisionhub.api.inspection;
