package org.switchboard.ivr.internal;

import java.lang.annotation.Annotation;
import org.switchboard.api.app.CallApplication;
import org.switchboard.testing.FakePrompts;
import org.switchboard.testkit.CallApplicationContract;

/** The IVR, with its built-in main menu, passes the call application conformance suite. */
class IvrConformanceTest extends CallApplicationContract {
    @Override
    protected CallApplication application() {
        return new IvrApplication(new FakePrompts(), new IvrApplication.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IvrApplication.Config.class;
            }

            @Override
            public String menu() {
                return "main";
            }

            @Override
            public int connect_timeout_seconds() {
                return 60;
            }

            @Override
            public int inter_digit_timeout_seconds() {
                return 5;
            }

            @Override
            public int max_number_digits() {
                return 20;
            }
        });
    }

    @Override
    protected String argument() {
        return "*800";
    }
}
