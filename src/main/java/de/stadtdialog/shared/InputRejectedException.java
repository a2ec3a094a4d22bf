package de.stadtdialog.shared;

/**
 * A user's input breaks a business rule (e.g. minutes approved by their own author). Thrown from services and
 * process listeners; pages show {@link #getMessage()} (German, for the user) next to {@link #field()}, if any.
 */
public class InputRejectedException extends RuntimeException {

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
