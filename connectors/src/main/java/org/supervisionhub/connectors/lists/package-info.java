/** The tax system's major tax-violation list and the credit platform's joint-punishment lists, as listings restriction checks consume. */
package org.supervisionhub.connectors.lists;
