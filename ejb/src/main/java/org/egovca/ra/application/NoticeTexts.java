package org.egovca.ra.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ra.domain.ApplicantNotice;
import org.egovca.ra.domain.Application;

/**
 * The texts of the notices to applicants, in Chinese and English: approval with how to collect the
 * certificate, rejection with its reason (CPS §6.1.4.2.2), and revocation (§6.1.4.8).
 */
final class NoticeTexts {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NoticeTexts() {}

  static String subject(Application application, ApplicantNotice.Kind kind) {
    String reference = application.reference();
    return switch (kind) {
      case APPROVAL -> "证书申请已批准 / Certificate application approved: " + reference;
      case REJECTION -> "证书申请未获批准 / Certificate application rejected: " + reference;
      case REVOCATION -> "证书已撤销 / Certificate revoked: " + reference;
    };
  }

  static String body(Application application, ApplicantNotice.Kind kind) {
    StringBuilder text = new StringBuilder();
    text.append(application.getApplicant().getName()).append("：\n\n");
    switch (kind) {
      case APPROVAL -> approval(application, text);
      case REJECTION -> rejection(application, text);
      case REVOCATION -> revocation(application, text);
    }
    text.append("\n受理编号 / Reference: ").append(application.reference()).append('\n');
    text.append("iFutureCA 注册机构 / iFutureCA Registration Authority\n");
    return text.toString();
  }

  private static void approval(Application application, StringBuilder text) {
    text.append("您的证书申请已审核通过，证书已签发。\n");
    text.append("Your application was approved and the certificate has been issued.\n\n");
    IssuedCertificate certificate = application.getCertificate();
    if (certificate != null) {
      text.append("序列号 / Serial number: ").append(certificate.getSerialNumberHex()).append('\n');
      text.append("主题 / Subject: ").append(certificate.getSubjectDn()).append('\n');
      text.append("有效期 / Valid: ")
          .append(UTC.format(certificate.getNotBefore()))
          .append(" – ")
          .append(UTC.format(certificate.getNotAfter()))
          .append('\n');
    }
    if (application.getEncryptionCertificate() != null) {
      text.append("加密证书序列号 / Encryption certificate serial number: ")
          .append(application.getEncryptionCertificate().getSerialNumberHex())
          .append('\n');
    }
    text.append("\n领取方式：请携带本人有效身份证件到受理点，凭受理编号领取证书")
        .append(application.getEncryptionCertificate() != null ? "及加密密钥数字信封" : "")
        .append("。\n");
    text.append(
        "How to collect: bring your identity document to the acceptance point and quote the"
            + " reference above");
    text.append(
        application.getEncryptionCertificate() != null
            ? "; you receive the certificates and the digital envelope of your encryption key.\n"
            : "; you receive your certificate.\n");
    GeneratedKey key = application.getKeyGeneration().getGeneratedKey();
    if (key != null) {
      text.append("\n应您的书面申请，CA 已为您生成签名密钥对。请于 ")
          .append(UTC.format(key.getHandoverDueAt()))
          .append(" 前本人（或经办人）到受理点领取：届时由您设置口令，密钥以受该口令保护的 PKCS#12 文件交付一次，")
          .append("CA 不保留副本；逾期未领取的密钥将被销毁，证书将被撤销。\n");
      text.append("As you asked in writing, the CA generated your signing key pair. Collect it in")
          .append(" person (or through your agent) by ")
          .append(UTC.format(key.getHandoverDueAt()))
          .append(": you choose a password, and the key is handed over once in a PKCS#12 file")
          .append(
              " protected by it; the CA keeps no copy. A key not collected by then is destroyed")
          .append(" and the certificate revoked.\n");
    }
  }

  private static void rejection(Application application, StringBuilder text) {
    text.append("很遗憾，您的证书申请未获批准。\n");
    text.append("We are sorry: your certificate application was rejected.\n\n");
    text.append("原因 / Reason: ").append(reasonText(application)).append('\n');
    if (application.getRejectionNote() != null) {
      text.append("说明 / Note: ").append(application.getRejectionNote()).append('\n');
    }
    text.append("\n如有疑问，请联系受理点。/ Please contact the acceptance point with any question.\n");
  }

  private static void revocation(Application application, StringBuilder text) {
    IssuedCertificate certificate =
        application.getTargetCertificate() != null
            ? application.getTargetCertificate()
            : application.getCertificate();
    text.append("您的证书已被撤销，不能再使用。\n");
    text.append("Your certificate has been revoked and can no longer be used.\n\n");
    if (certificate != null) {
      text.append("序列号 / Serial number: ").append(certificate.getSerialNumberHex()).append('\n');
      if (certificate.getRevokedAt() != null) {
        text.append("撤销时间 / Revoked at: ")
            .append(UTC.format(certificate.getRevokedAt()))
            .append('\n');
      }
      if (certificate.getRevocationReason() != null) {
        text.append("原因 / Reason: ").append(certificate.getRevocationReason()).append('\n');
      }
    }
  }

  private static String reasonText(Application application) {
    return switch (application.getRejectionReason()) {
      case IDENTITY_NOT_VERIFIED -> "未完成身份鉴别 / identity could not be verified";
      case DOCUMENTS_MISSING -> "未能提供所需的补充文件 / the required documents were not provided";
      case AGREEMENT_NOT_ACCEPTED -> "不接受证书持有者协议 / the holder agreement was not accepted";
      case FEE_NOT_PAID -> "未按规定支付费用 / the fee was not paid";
      case RISK_TO_CA -> "批准申请可能带来争议、法律纠纷或损失 / approval would bring dispute or loss";
    };
  }
}
