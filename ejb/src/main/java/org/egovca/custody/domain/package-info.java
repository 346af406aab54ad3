/**
 * The records of key custody: key ceremonies, the share distributions of each token's activation
 * secret and the custodians' sealed shares. Only sealed material is stored: a share opens with its
 * custodian's PIN, the token's PIN with the secret that three shares make.
 */
package org.egovca.custody.domain;
