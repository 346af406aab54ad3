package org.egovca.ca.application;

/** A new delegated OCSP responder certificate; after commit the responder starts using it. */
public record OcspResponderIssued(String caName) {}
