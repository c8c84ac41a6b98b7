//! The deprecated `fieldguard::records` names still compile and mean the
//! same items as `fieldguard::path` (kept for one release; see src/records.rs).
#![allow(deprecated)]

use serde_json::json;

#[test]
fn the_old_records_paths_name_the_same_items() {
    let path: fieldguard::records::FieldPath = "user.email".parse().unwrap();
    let moved: fieldguard::path::FieldPath = path.clone();
    assert_eq!(
        fieldguard::records::field_context(&path, Some("7")),
        fieldguard::path::field_context(&moved, Some("7"))
    );
    let selection: fieldguard::records::FieldSelection =
        fieldguard::path::FieldSelection::new(vec![moved]);
    assert_eq!(
        selection
            .apply(&mut json!({}), &mut |v, _| Ok(v.into()))
            .unwrap(),
        0
    );
    assert!(matches!(
        path.segments()[0],
        fieldguard::records::Segment::Key(ref k) if k == "user"
    ));
}
