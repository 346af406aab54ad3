package org.egovca.ra.application;

/** Fired when a notice was queued; after the commit it wakes the mailer. */
public record NoticeQueued(long noticeId) {}
