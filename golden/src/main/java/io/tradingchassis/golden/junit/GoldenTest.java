package io.tradingchassis.golden.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test that checks a recording against its approved golden log. The method takes a
 * {@link Golden} parameter and calls {@link Golden#verify(GoldenRun)} once:
 *
 * <pre>{@code
 * @GoldenTest("ema-crossover-synthetic")
 * void emaCrossover(Golden golden) throws IOException {
 *     golden.verify(GoldenRun.synthetic(CoreConfiguration.parse(json, "ema.json")));
 * }
 * }</pre>
 *
 * The approved golden is {@code DIR/NAME.tcgl.yaml}; {@code DIR} is {@link #dir()}, else the system
 * property {@value GoldenTestExtension#DIR_PROPERTY}, else {@value GoldenTestExtension#DEFAULT_DIR}
 * (relative to the working directory: the module's folder under Maven). Run with
 * {@code -D}{@value GoldenTestExtension#BLESS_PROPERTY}{@code =NAME} to replace it by a new recording.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(GoldenTestExtension.class)
public @interface GoldenTest {
    /**
     * The golden's name (letters, digits, {@code .}, {@code _}, {@code -}); empty: the test method's name.
     *
     * @return the name
     */
    String value() default "";

    /**
     * The folder of approved goldens; empty: the system property, else {@code src/test/resources/golden}.
     *
     * @return the folder
     */
    String dir() default "";
}
