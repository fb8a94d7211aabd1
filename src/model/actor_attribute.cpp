// The free attributes of an actor, as the groups and numbers of include/maillage/model/actor_attribute.hpp
// read them: RapidJSON parses the compact JSON object text that the network keeps.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "maillage/model/actor_attribute.hpp"

#include "../io/json_parse.hpp"

namespace maillage::detail {

attribute_value free_attribute(const json_object_text& attributes, std::string_view key) {
    attribute_value out;
    if (attributes.empty()) return out;
    rapidjson::Document doc;
    if (parse_json(doc, attributes).IsError() || !doc.IsObject()) return out;  // the builder only keeps valid objects
    const auto member = doc.FindMember(rapidjson::Value(key.data(), static_cast<rapidjson::SizeType>(key.size())));
    if (member == doc.MemberEnd()) return out;
    const rapidjson::Value& v = member->value;
    if (v.IsNull()) return out;
    if (v.IsString()) {
        out.text.assign(v.GetString(), v.GetStringLength());
        out.number = parse_number(out.text);
        return out;
    }
    if (v.IsBool()) {
        out.text = v.GetBool() ? "true" : "false";
        out.number = v.GetBool() ? 1.0 : 0.0;
        return out;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    out.text.assign(buffer.GetString(), buffer.GetSize());
    if (v.IsNumber()) out.number = v.GetDouble();
    return out;
}

}  // namespace maillage::detail
