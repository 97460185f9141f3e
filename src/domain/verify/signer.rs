//! Who signed a file, checked the same way for records, signals and
//! reviews: the signature's namespace, the key the file names, the keyring
//! grant that key held at the moment the file claims, and the author and
//! role the file claims.

use jiff::Timestamp;
use ssh_key::{PublicKey, SshSig};

use super::FindingKind;
use crate::domain::keyring::{Grant, Keyring};
use crate::domain::keys::{self, Namespace};
use crate::domain::record::Author;

/// What a signed file says about its own signing.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    pub author: &'a Author,
    /// When the file says it was signed.
    pub at: Timestamp,
    pub namespace: Namespace,
    /// The keyring heads it names (`None` in formats that name none).
    pub keyring: Option<&'a [String]>,
}

/// The signature, the signer's key and the grant it signed under, once
/// everything but the cryptography is known to hold.
#[derive(Debug)]
pub struct Signed<'k> {
    pub sig: SshSig,
    pub key: PublicKey,
    pub grant: &'k Grant,
}

/// Checks the signer of a file whose armored signature is `armored` against
/// what the file claims. The signature itself is not checked here, so
/// callers can check many at once.
pub fn check_signer<'k>(
    armored: &str,
    claim: &Claim<'_>,
    keyring: &'k Keyring,
) -> Result<Signed<'k>, FindingKind> {
    let sig = keys::parse_signature(armored).ok_or(FindingKind::BadSignature)?;
    if sig.namespace() != claim.namespace.as_str() {
        return Err(FindingKind::WrongNamespace {
            found: sig.namespace().to_owned(),
        });
    }
    let key = PublicKey::from(sig.public_key().clone());
    let fingerprint = keyring.fingerprint_of(&key);
    if fingerprint.as_str() != claim.author.key {
        return Err(FindingKind::KeyMismatch);
    }
    let Some(grant) = keyring.grant_for_key(&fingerprint, claim.at) else {
        return Err(if keyring.any_grant_for_key(&fingerprint).is_some() {
            FindingKind::SignerNotValidThen
        } else {
            FindingKind::SignerUnknown
        });
    };
    if grant.principal != claim.author.principal || grant.name != claim.author.name {
        return Err(FindingKind::AuthorMismatch);
    }
    if grant.role != claim.author.role {
        return Err(FindingKind::RoleNotGiven {
            claimed: claim.author.role.clone(),
            given: grant.role.clone(),
        });
    }
    if let Some(heads) = claim.keyring {
        let history = keyring.history();
        if let Some(missing) = heads.iter().find(|h| history.node(h).is_none()) {
            return Err(FindingKind::HistoryMissing {
                hash: missing.clone(),
            });
        }
        if history
            .latest(heads)
            .flatten()
            .is_some_and(|latest| latest > claim.at)
        {
            return Err(FindingKind::SignedBeforeItsHistory);
        }
        if !keyring.saw(Some(heads), grant) {
            return Err(FindingKind::GrantNotSeen);
        }
    }
    Ok(Signed { sig, key, grant })
}

/// [`check_signer`], then the signature over `bytes`.
pub fn check_signed(
    bytes: &[u8],
    armored: &str,
    claim: &Claim<'_>,
    keyring: &Keyring,
) -> Result<(), FindingKind> {
    let signed = check_signer(armored, claim, keyring)?;
    if keys::verify(&signed.key, claim.namespace, bytes, &signed.sig) {
        Ok(())
    } else {
        Err(FindingKind::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keyring::tests::{anna_and_bea, at};

    fn author(
        principal: &str,
        name: &str,
        role: &str,
        key: &crate::domain::keys::Fingerprint,
    ) -> Author {
        Author {
            principal: principal.into(),
            name: name.into(),
            role: role.into(),
            key: key.to_string(),
        }
    }

    #[test]
    fn a_member_signing_as_themselves_in_their_role_passes() {
        let (ring, _, anna) = anna_and_bea();
        let bytes = b"besluit";
        let armored = anna.sign(Namespace::Record, bytes).unwrap();
        let who = author("anna", "ANNA", "consulent", anna.fingerprint());
        let claim = Claim {
            author: &who,
            at: at("2026-02-15T00:00:00Z"),
            namespace: Namespace::Record,
            keyring: None,
        };
        assert_eq!(check_signed(bytes, &armored, &claim, &ring), Ok(()));
        assert_eq!(
            check_signed(b"besluiT", &armored, &claim, &ring),
            Err(FindingKind::BadSignature)
        );
    }

    #[test]
    fn each_false_claim_has_its_own_finding() {
        let (ring, bea, anna) = anna_and_bea();
        let bytes = b"besluit";
        let armored = anna.sign(Namespace::Record, bytes).unwrap();
        let check = |who: &Author, when: &str, namespace| {
            let claim = Claim {
                author: who,
                at: at(when),
                namespace,
                keyring: None,
            };
            check_signer(&armored, &claim, &ring).map(|_| ())
        };
        let honest = author("anna", "ANNA", "consulent", anna.fingerprint());
        let feb = "2026-02-15T00:00:00Z";
        assert_eq!(
            check(&honest, feb, Namespace::Signal),
            Err(FindingKind::WrongNamespace {
                found: "maatwerk-record".into()
            })
        );
        let bea_key = author("anna", "ANNA", "consulent", bea.fingerprint());
        assert_eq!(
            check(&bea_key, feb, Namespace::Record),
            Err(FindingKind::KeyMismatch)
        );
        assert_eq!(
            check(&honest, "2026-01-15T00:00:00Z", Namespace::Record),
            Err(FindingKind::SignerNotValidThen),
            "before she was added"
        );
        let other = author("bea", "ANNA", "consulent", anna.fingerprint());
        assert_eq!(
            check(&other, feb, Namespace::Record),
            Err(FindingKind::AuthorMismatch)
        );
        let promoted = author("anna", "ANNA", "teamleider", anna.fingerprint());
        assert_eq!(
            check(&promoted, feb, Namespace::Record),
            Err(FindingKind::RoleNotGiven {
                claimed: "teamleider".into(),
                given: "consulent".into()
            })
        );
        let stranger = crate::domain::keys::Signer::generate("eve").unwrap();
        let forged = stranger.sign(Namespace::Record, bytes).unwrap();
        let eve = author("anna", "ANNA", "consulent", stranger.fingerprint());
        let claim = Claim {
            author: &eve,
            at: at(feb),
            namespace: Namespace::Record,
            keyring: None,
        };
        assert_eq!(
            check_signer(&forged, &claim, &ring).map(|_| ()),
            Err(FindingKind::SignerUnknown)
        );
        assert_eq!(
            check_signer("geen handtekening", &claim, &ring).map(|_| ()),
            Err(FindingKind::BadSignature)
        );
    }
}
