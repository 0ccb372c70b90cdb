package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.supervisionhub.api.access.ForbiddenException;

/**
 * One error vocabulary. Every throw site, filter and resolver of the hub names its code with the Java
 * {@link ErrorCode} (the compiler refuses any other), so its constants are the set of codes the hub can
 * emit; the schema's {@code ErrorCode} enum, parsed from common.graphqls, must list exactly those.
 */
class ErrorCodeTest {

    static Set<String> sdlErrorCodes() throws IOException {
        try (InputStream in = ErrorCodeTest.class.getClassLoader().getResourceAsStream("graphql/common.graphqls")) {
            assertThat(in).as("graphql/common.graphqls on the classpath (schema module)").isNotNull();
            String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            EnumTypeDefinition errorCode = Parser.parse(sdl).getDefinitionsOfType(EnumTypeDefinition.class).stream()
                    .filter(d -> d.getName().equals("ErrorCode")).findFirst().orElseThrow();
            return errorCode.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> javaErrorCodes() {
        return Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCodeTheHubCanEmitIsInTheSchemaEnum() throws IOException {
        Set<String> missing = new TreeSet<>(javaErrorCodes());
        missing.removeAll(sdlErrorCodes());
        assertThat(missing).as("codes the hub emits that the SDL's ErrorCode lacks").isEmpty();
    }

    @Test
    void everyCodeOfTheSchemaEnumIsOneTheHubCanEmit() throws IOException {
        Set<String> unused = new TreeSet<>(sdlErrorCodes());
        unused.removeAll(javaErrorCodes());
        assertThat(unused).as("SDL ErrorCode values with no Java ErrorCode").isEmpty();
    }

    @Test
    void graphqlJavasOwnClassificationsMapToHubCodesNotInternal() {
        // Every classification graphql-java raises before or outside the hub's resolvers.
        for (graphql.ErrorType type : graphql.ErrorType.values()) {
            if (type == graphql.ErrorType.DataFetchingException || type == graphql.ErrorType.NullValueInNonNullableField) {
                continue; // a resolver's unexpected failure: INTERNAL is right
            }
            assertThat(ErrorCode.ofClassification(type.name())).as(type.name()).isNotEqualTo(ErrorCode.INTERNAL);
        }
        assertThat(ErrorCode.ofClassification("ValidationError")).isEqualTo(ErrorCode.GRAPHQL_VALIDATION);
        assertThat(ErrorCode.ofClassification("InvalidSyntax")).isEqualTo(ErrorCode.GRAPHQL_SYNTAX);
        assertThat(ErrorCode.ofClassification("BadFaithIntrospection")).isEqualTo(ErrorCode.QUERY_TOO_COSTLY);
        assertThat(ErrorCode.ofClassification("IntrospectionDisabled")).isEqualTo(ErrorCode.UNAUTHENTICATED);
        // Spring's classifications, for errors that reach the interceptor without a code.
        for (ErrorType type : ErrorType.values()) {
            ErrorCode code = ErrorCode.ofClassification(type.name());
            assertThat(ErrorTypes.of(code)).as(type.name()).isEqualTo(type);
        }
    }

    @Test
    void theInterceptorKeepsAValidCodeAndReplacesAMissingOrUnknownOne() {
        assertThat(ErrorCodeInterceptor.codeOf("ARCHIVED", "BAD_REQUEST")).isEqualTo(ErrorCode.ARCHIVED);
        assertThat(ErrorCodeInterceptor.codeOf(null, "InvalidSyntax")).isEqualTo(ErrorCode.GRAPHQL_SYNTAX);
        assertThat(ErrorCodeInterceptor.codeOf("NO_SUCH_CODE", "ValidationError")).isEqualTo(ErrorCode.GRAPHQL_VALIDATION);
    }

    @Test
    void aForbiddenErrorCarriesTheRuleItsMessageCites() {
        assertThat(new ForbiddenException("id", "APPR-02: reviewed by a leader of HRSS-430100; the caller is [OFFICER]", false).rule())
                .isEqualTo("APPR-02");
        assertThat(new ForbiddenException("id", "OBJ-01, OBJ-02: decided by a leader", false).rule()).isEqualTo("OBJ-01, OBJ-02");
        assertThat(new ForbiddenException("id", "APPR-01..03: returned by a leader", false).rule()).isEqualTo("APPR-01..03");
        assertThat(new ForbiddenException("x", "Query.x requires one of the roles [ADMIN]", false).rule()).isNull();
        assertThat(new ForbiddenException("x", "whatever", true).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
}
