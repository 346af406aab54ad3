/**
 * The ASN.1 of the GM/T 0014 CA↔KMC protocol, as BouncyCastle {@code ASN1Object}s with strict
 * {@code getInstance} parsing, and the GM/T 0009 §7.4 {@link
 * org.egovca.kmc.protocol.asn1.SM2EnvelopedKey} the KMC delivers keys in.
 *
 * <pre>
 * CA → KMC   CARequest { KSRequest { version 1, caName EntName, requestList SEQUENCE OF Request,
 *                                    requestTime, taskNo }, signatureAlgorithm, signatureValue }
 *            Request ::= CHOICE { [0] ApplyKeyReq, [1] RestoreKeyReq, [2] RevokeKeyReq }
 * KMC → CA   KMRespond { KSRespond { version 1, kmName EntName, respondList SEQUENCE OF Respond,
 *                                    respondTime, taskNo }, signatureAlgorithm, signatureValue }
 *            Respond ::= CHOICE { [0] RetKeyRespond, [1] RetKeyRespond (retRestoreKey),
 *                                 [2] RevokeKeyRespond, [3] ErrorPkgRespond }
 * </pre>
 *
 * <p>The GM/T 0014-2012 text is not public; the structures follow the reconstruction in the
 * project's GM/T notes (§3.1), which three independent Java implementations agree on. Its clause
 * numbers are known second-hand only: one implementation cites §5.2.3.1 for the request format
 * (CARequest, KSRequest, Request) and §5.2.3.2 for the application package (ApplyKeyReq,
 * AppUserInfo); the responses belong to the same §5.2.3. Where the notes leave a choice open, this
 * package decides as follows.
 *
 * <ul>
 *   <li><b>signatureValue is an OCTET STRING</b>, holding the DER SM2Signature {@code SEQUENCE {r,
 *       s}} (GM/T 0009 §7.3). X.509 would suggest a BIT STRING, but all three implementations read
 *       and write an OCTET STRING, one of them citing the standard's pages, and GM/T 0010's own
 *       SignerInfo carries its signature as an OCTET STRING too. A BIT STRING is refused as a wrong
 *       type, not silently accepted.
 *   <li><b>CHOICE tags are IMPLICIT</b>: {@code [0] ApplyKeyReq} is encoded {@code A0} followed by
 *       the SEQUENCE's content. One implementation tags explicitly ({@code A0 30 …}); that form is
 *       refused.
 *   <li><b>RevokeKeyReq and RevokeKeyRespond are {@code SEQUENCE { userCertNo INTEGER }}</b>. The
 *       notes give no fields for RevokeKeyRespond; mirroring the request lets the CA match it.
 *   <li><b>retPriKey is the GM/T 0009 SM2EnvelopedKey</b> instead of a GM/T 0010
 *       SignedAndEnvelopedData: see {@link org.egovca.kmc.protocol} for why.
 *   <li><b>AppUserInfo's optional dsCode and extendInfo are untagged OCTET STRINGs</b>, as in the
 *       notes: a single one present is dsCode, and extendInfo is never sent alone. (One
 *       implementation tags them [1] and [2]; that form is refused.)
 *   <li><b>EntName.entName is a directoryName</b>, and entPubKeyHash is SM3 over the
 *       subjectPublicKey BIT STRING's content.
 *   <li><b>version is 1</b>, as the implementations write and check it.
 * </ul>
 *
 * <p>Strict parsing, everywhere: only DER (re-encoding must give back the input octets, so a
 * signature covers exactly one encoding), nothing after the message, every field of its declared
 * type and every SEQUENCE of its declared size, serial numbers and task numbers positive and at
 * most 20 octets, times as {@code YYYYMMDDHHMMSSZ}. Refusals are {@link IllegalArgumentException}s
 * naming structure and field. An endpoint reading messages from the network should first bound the
 * body and check the nesting with input-guard's {@code Asn1Limits}; a stack overflow in
 * BouncyCastle's parser is caught here too, as a last line.
 */
package org.egovca.kmc.protocol.asn1;
