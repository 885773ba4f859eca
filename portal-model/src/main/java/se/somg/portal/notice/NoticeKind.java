package se.somg.portal.notice;

import se.somg.portal.preference.MessageKind;

/**
 * What a notice is about (policy §4, §8, §12). Merger and policy-change notices are administrative for the
 * customer's channel choices, and must be acknowledged.
 */
public enum NoticeKind {
    OPERATIONAL(MessageKind.OPERATIONAL),
    ADMINISTRATIVE(MessageKind.ADMINISTRATIVE),
    MERGER(MessageKind.ADMINISTRATIVE),
    POLICY_CHANGE(MessageKind.ADMINISTRATIVE),
    MARKETING(MessageKind.MARKETING);

    private final MessageKind channelKind;

    NoticeKind(MessageKind channelKind) {
        this.channelKind = channelKind;
    }

    /** Which row of the contact preferences decides the channels. */
    public MessageKind channelKind() {
        return channelKind;
    }

    public boolean needsAcknowledgement() {
        return this == MERGER || this == POLICY_CHANGE;
    }
}
