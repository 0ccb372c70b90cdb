package org.supervisionhub.connectors.sync;

/** Turns a source's own key of a natural person into the hub's person id (the hub keeps no other identifier of people). */
@FunctionalInterface
public interface PersonPseudonyms {

    String personId(String source, String personKey);
}
