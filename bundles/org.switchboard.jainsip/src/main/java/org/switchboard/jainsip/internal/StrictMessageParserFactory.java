package org.switchboard.jainsip.internal;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Named by the stack property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}; the stack
 * loads it by class name, so it lives in this wrapper bundle.
 */
public class StrictMessageParserFactory implements MessageParserFactory {
    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new StrictMessageParser();
    }
}
