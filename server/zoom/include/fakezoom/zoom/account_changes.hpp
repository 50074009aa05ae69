// The Zoom events that tell what an account route (or the admin API's meeting life) changed, their objects in the key order of
// Zoom's examples: the Users events spec (2026-02) for users, and for meetings the meeting.*
// events of Zoom's Meetings docs as Zoom's Rivet SDK types them (docs/webhooks.md).
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "fakezoom/model/account_change.hpp"
#include "fakezoom/model/outcome.hpp"
#include "fakezoom/state/account_records.hpp"

namespace fakezoom {

// user.created, user.deleted, user.disassociated, user.activated, user.deactivated.
std::shared_ptr<const AccountChange> user_change(std::string event, const AccountUser& user,
                                                 nlohmann::ordered_json extra = nlohmann::ordered_json::object());
// user.updated: the id and the fields `changes` named, after and before.
std::shared_ptr<const AccountChange> user_updated(const AccountUser& before, const AccountUser& after,
                                                  const nlohmann::json& changes);
// meeting.created, meeting.deleted, from meeting_json(), as a notice for an answer: the event's
// fields are kept now as one piece of text and the change made from it only when a webhook
// worker first sends the event (a create's answer holds the whole meeting, and under load most
// events are dropped unsent).
ChangeNotice meeting_notice(std::string event, const nlohmann::json& meeting);
// meeting.updated: the id and the fields `changes` named, after and before.
std::shared_ptr<const AccountChange> meeting_updated(const nlohmann::json& before, const nlohmann::json& after,
                                                     const nlohmann::json& changes);

// A meeting's life, driven from the admin API: meeting.started (start_time `at`),
// meeting.ended (end_time `at`), meeting.participant_joined / _left (`participant` as the test
// names it, join_time or leave_time `at`), recording.completed (`recording_files` as given, or
// one shared-screen MP4).
std::shared_ptr<const AccountChange> meeting_started(const nlohmann::json& meeting, const std::string& at);
std::shared_ptr<const AccountChange> meeting_ended(const nlohmann::json& meeting, const std::string& at);
std::shared_ptr<const AccountChange> participant_event(bool joined, const nlohmann::json& meeting,
                                                       const nlohmann::ordered_json& participant, const std::string& at);
std::shared_ptr<const AccountChange> recording_completed(const nlohmann::json& meeting, const std::string& host_email,
                                                         const nlohmann::ordered_json& recording_files, const std::string& at);

}  // namespace fakezoom
