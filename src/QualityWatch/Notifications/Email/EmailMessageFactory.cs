using MimeKit;

namespace QualityWatch.Notifications.Email;

/// <summary>
/// Builds the MIME message: text and HTML as multipart/alternative; attachments with a ContentId
/// become inline parts of multipart/related (the report chart the HTML shows by <c>cid:</c>).
/// </summary>
internal static class EmailMessageFactory
{
    public static MimeMessage Create(EmailOptions email, StoredNotification stored)
    {
        var n = stored.Notification;
        var message = new MimeMessage
        {
            Subject = n.Subject,
            MessageId = $"{stored.Id}@qualitywatch",
            Date = stored.CreatedAt,
        };
        message.From.Add(MailboxAddress.Parse(email.From!));
        message.To.AddRange(email.To.Select(MailboxAddress.Parse));

        // Why it was sent travels with the message for mail filters and audits.
        message.Headers.Add("X-QualityWatch-Kind", n.Kind);
        message.Headers.Add("X-QualityWatch-Key", n.Key);
        message.Headers.Add("X-QualityWatch-Reason", n.Reason);

        // One thread per incident: its first page is the thread's root, everything after replies to it.
        if (IncidentThread.RootMessageId(n) is { } root)
        {
            if (n.Kind == NotificationKinds.Firing)
            {
                message.MessageId = root;
            }
            else
            {
                message.InReplyTo = root;
                message.References.Add(root);
            }
        }

        var body = new BodyBuilder { TextBody = n.TextBody, HtmlBody = n.HtmlBody };
        foreach (var attachment in n.Attachments)
        {
            var contentType = ContentType.Parse(attachment.ContentType);
            if (attachment.ContentId is { Length: > 0 } contentId && n.HtmlBody is not null)
            {
                var inline = body.LinkedResources.Add(attachment.FileName, attachment.Content, contentType);
                inline.ContentId = contentId;
            }
            else
            {
                body.Attachments.Add(attachment.FileName, attachment.Content, contentType);
            }
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
