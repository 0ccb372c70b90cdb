package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** Deny by default at start, and fail closed when a scoped field forgets its check. */
class AccessPolicyTest {

    static final String DIRECTIVE = """
            directive @access(roles: [Role!]!, scope: AccessScope = ANY) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
            enum Role { PUBLIC OFFICER INSPECTOR LEADER OVERSIGHT PARTNER ANALYST ADMIN }
            enum AccessScope { ANY OWN_DEPARTMENT DEPARTMENT_TREE JURISDICTION }
            """;

    static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(DIRECTIVE + sdl), RuntimeWiring.newRuntimeWiring().build());
    }

    @Test
    void aRootFieldWithoutARuleStopsTheHub() {
        assertThatThrownBy(() -> new AccessPolicy(schema("type Query { open: String @access(roles: [PUBLIC]) forgotten: String }")))
                .hasMessageContaining("Query.forgotten declares no @access rule");
    }

    @Test
    void aHideableFieldMustBeNullable() {
        assertThatThrownBy(() -> new AccessPolicy(schema("""
                type Query { thing: Thing @access(roles: [PUBLIC]) }
                type Thing { secret: String! @access(roles: [OFFICER]) }
                """))).hasMessageContaining("Thing.secret may be hidden by @access but is non-null");
    }

    @Test
    void rulesAreReadWithTheirScope() {
        AccessPolicy policy = new AccessPolicy(schema("type Query { x: String @access(roles: [OFFICER, LEADER], scope: DEPARTMENT_TREE) }"));
        assertThat(policy.field("Query", "x")).contains(new AccessRule(Set.of(Role.OFFICER, Role.LEADER), AccessScope.DEPARTMENT_TREE));
    }

    @Test
    void aScopedFieldThatNeverCheckedItsScopeFailsClosed() {
        AccessRule rule = new AccessRule(Set.of(Role.OFFICER), AccessScope.OWN_DEPARTMENT);
        assertThatThrownBy(() -> Access.scoped(rule, "Mutation.sloppy", () -> "written"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checked no department");
        Viewer officer = new Viewer("o", "o", Set.of(Role.OFFICER), "D1", null, null, Set::of, Set::of);
        assertThat(Access.scoped(rule, "Mutation.careful", () -> {
            Access.requireDepartment(officer, "D1", "departmentId");
            return "written";
        })).isEqualTo("written");
        assertThatThrownBy(() -> Access.scoped(rule, "Mutation.careful", () -> {
            Access.requireDepartment(officer, "D2", "departmentId");
            return "written";
        })).isInstanceOf(ForbiddenException.class);
    }
}
