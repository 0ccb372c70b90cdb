package org.supervisionhub.api.graphql;

import java.util.function.Supplier;

import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.TypedError;

/**
 * Where a service's refusals name the fields of the one input it was given ({@code borrower}), the controller calls it
 * through here, and they become the paths of the operation's argument ({@code input.borrower}): services know their
 * inputs, not how a transport nests them.
 */
public final class InputPaths {

    private InputPaths() {
    }

    public static <T> T under(String argument, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw e.under(argument);
        } catch (NotFoundException e) {
            throw e.under(argument);
        } catch (RuntimeException e) {
            // Other capabilities' typed refusals (access's) name a field too.
            throw e instanceof TypedError typed && typed.field() != null ? typed.under(argument) : e;
        }
    }
}
