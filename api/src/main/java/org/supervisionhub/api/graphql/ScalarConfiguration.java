package org.supervisionhub.api.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Date and DateTime from graphql-java-extended-scalars (LocalDate, OffsetDateTime), limited to the years 1900–9999 on
 * input: ISO-8601 admits years like +999999999, which overflow date arithmetic and the store further in and came back as
 * INTERNAL. Out of range is a typed refusal at the argument, everywhere a date is taken.
 */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(bounded(ExtendedScalars.Date, d -> ((LocalDate) d).getYear()))
                .scalar(bounded(ExtendedScalars.DateTime, d -> ((OffsetDateTime) d).getYear()));
    }

    static GraphQLScalarType bounded(GraphQLScalarType scalar, Function<Object, Integer> year) {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> inner = (Coercing<Object, Object>) scalar.getCoercing();
        return scalar.transform(b -> b.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return inner.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
                Object parsed = inner.parseValue(input, context, locale);
                if (!inRange(parsed, year)) {
                    throw new CoercingParseValueException(outOfRange(scalar, input));
                }
                return parsed;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                    throws CoercingParseLiteralException {
                Object parsed = inner.parseLiteral(input, variables, context, locale);
                if (!inRange(parsed, year)) {
                    throw new CoercingParseLiteralException(outOfRange(scalar, input));
                }
                return parsed;
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return inner.valueToLiteral(input, context, locale);
            }
        }));
    }

    private static boolean inRange(Object parsed, Function<Object, Integer> year) {
        if (!(parsed instanceof Temporal)) {
            return true;
        }
        int y = year.apply(parsed);
        return y >= MIN_YEAR && y <= MAX_YEAR;
    }

    private static String outOfRange(GraphQLScalarType scalar, Object input) {
        String shown = String.valueOf(input);
        return "Expected a " + scalar.getName() + " in the years " + MIN_YEAR + "–" + MAX_YEAR + " but was "
                + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
    }
}
