/** The market-supervision registry: its change feed mapped onto enterprises, people, links and abnormal-list listings. */
package org.supervisionhub.connectors.market;
