package org.supervisionhub.api.restriction;

/** The GraphQL {@code SubjectInput}: an enterprise by USCC or a person by id; read by restriction checks and exploration. */
public record SubjectInput(String uscc, String personId) {
}
