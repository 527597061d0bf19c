package org.switchboard.echo.internal;

import org.switchboard.api.app.CallApplication;
import org.switchboard.testing.FakePrompts;
import org.switchboard.testkit.CallApplicationContract;

/** The echo test passes the call application conformance suite. */
class EchoConformanceTest extends CallApplicationContract {
    @Override
    protected CallApplication application() {
        return new EchoApplication(new FakePrompts());
    }

    @Override
    protected String argument() {
        return "*43";
    }
}
