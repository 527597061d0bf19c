package org.switchboard.meetings.internal;

import java.lang.annotation.Annotation;
import org.switchboard.api.app.CallApplication;
import org.switchboard.testing.FakePrompts;
import org.switchboard.testkit.CallApplicationContract;

/** Meetings (a room any caller may open) pass the call application conformance suite. */
class MeetingsConformanceTest extends CallApplicationContract {
    @Override
    protected CallApplication application() {
        return new MeetingsApplication(new FakeEngine(), new FakePrompts(), new MeetingsApplication.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MeetingsApplication.Config.class;
            }

            @Override
            public String rooms() {
                return "8000-8999";
            }

            @Override
            public int max_participants() {
                return 50;
            }
        });
    }

    @Override
    protected String argument() {
        return "8123";
    }
}
