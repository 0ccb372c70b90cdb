/** Tax credit grades (纳税信用等级) by assessment year, synced from the tax system. */
package org.supervisionhub.connectors.grades;
