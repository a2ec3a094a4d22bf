package de.stadtdialog.shared;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A user's input breaks a business rule (e.g. minutes approved by their own author). Thrown from services and
 * process listeners; pages show {@link #getMessage()} (German, for the user) next to {@link #field()}, if any.
 * <p>
 * A {@link BadUserRequestException} for the engine, which then logs it at debug level: a refused input is the user's
 * business, not an ERROR with a stack trace in the operators' log.
 */
public class InputRejectedException extends BadUserRequestException {

    private final String field;

    public InputRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InputRejectedException(String message) {
        this(null, message);
    }

    public String field() {
        return field;
    }

    /** The first {@link InputRejectedException} in a cause chain, e.g. inside an engine exception. */
    public static InputRejectedException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InputRejectedException rejected) {
                return rejected;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
