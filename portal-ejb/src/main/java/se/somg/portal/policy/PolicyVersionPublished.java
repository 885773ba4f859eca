package se.somg.portal.policy;

/**
 * A new policy version was published, fired inside the publishing transaction: a feature that must tell someone
 * about it observes this instead of being called by the policy feature.
 */
public record PolicyVersionPublished(PolicyVersion version) {}
