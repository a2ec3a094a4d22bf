package de.stadtdialog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/** The process (id) whose flow-node coverage this test class must reach; see {@link FlowNodeCoverage}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FlowNodeCoverage.class)
public @interface MeasureFlowNodeCoverage {

    String value();

    double minimum() default 1.0;
}
