//! Small view components, one per file.

pub mod attempt_list;
pub mod domain_table;
pub mod error_panel;
pub mod exam_card;
pub mod exam_clock;
pub mod how_estimated;
pub mod plan_settings;
pub mod practice_exam_start;
pub mod progress_grid;
pub mod question_form;
pub mod readiness_card;
pub mod results_view;
pub mod review_list;
pub mod score_gauge;
pub mod score_summary;
pub mod share_box;
pub mod site_footer;
pub mod site_header;
pub mod storage_notice;
pub mod study_plan;
pub mod trend_chart;
pub mod update_banner;
