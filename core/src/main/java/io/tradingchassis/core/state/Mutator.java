package io.tradingchassis.core.state;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method that changes State (E1: only events change State, through the core's
 * processing step). The arch-rules module checks that only {@code core.step}, {@code core.queue} and
 * {@code core.state} call a method carrying it: a Strategy, a risk policy, the runtime or a tool
 * never does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Mutator {
}
