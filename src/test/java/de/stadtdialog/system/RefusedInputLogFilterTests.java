package de.stadtdialog.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import de.stadtdialog.shared.InputRejectedException;

class RefusedInputLogFilterTests {

    private final RefusedInputLogFilter filter = new RefusedInputLogFilter();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger engineContext = context.getLogger(RefusedInputLogFilter.ENGINE_CONTEXT_LOGGER);

    @Test
    void aRefusalWrappedByTheEngineIsNotAnError() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener",
            new InputRejectedException("Vier-Augen-Prinzip: eine andere Person muss freigeben."));

        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", new Object[] {"x", wrapped},
            null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null, wrapped))
            .isEqualTo(FilterReply.DENY);
    }

    @Test
    void realErrorsAndOtherLoggersStay() {
        ProcessEngineException real = new ProcessEngineException("SMTP-Server antwortet nicht");
        InputRejectedException refused = new InputRejectedException("abgelehnt");

        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null, real))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("de.stadtdialog"), Level.ERROR, "x", null, refused))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engineContext, Level.DEBUG, "x", null, refused))
            .isEqualTo(FilterReply.NEUTRAL);
    }
}
