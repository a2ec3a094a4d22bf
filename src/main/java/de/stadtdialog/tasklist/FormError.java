package de.stadtdialog.tasklist;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/** A validation problem as a message code of the tasklist bundle and its arguments, resolved per locale. */
public record FormError(String code, List<Object> arguments) implements MessageSourceResolvable {

    public FormError {
        arguments = List.copyOf(arguments);
    }

    public static FormError of(String code, Object... arguments) {
        return new FormError(code, List.of(arguments));
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
