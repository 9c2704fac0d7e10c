"""What the documents for the network meeting share: people picked from the atlas, storing a
document as one Plan record, their translated default texts and their privacy on export."""
